from kl_survey.cli import run

if __name__ == "__main__":
    run()
